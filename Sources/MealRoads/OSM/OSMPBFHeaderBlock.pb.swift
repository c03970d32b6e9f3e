// Written by hand in the style of protoc-gen-swift (swift-protobuf 1.39): there is no protoc on
// the build machines, so the messages the reader needs are committed as source.
//
// Mirrors: osmformat.proto of the OSM PBF format (package OSMPBF), the file header,
//   https://github.com/openstreetmap/OSM-binary/blob/master/osmpbf/osmformat.proto
//   message HeaderBlock {
//     optional HeaderBBox bbox = 1;
//     repeated string required_features = 4; repeated string optional_features = 5;
//     optional string writingprogram = 16; optional string source = 17;
//     optional int64 osmosis_replication_timestamp = 32;
//     optional int64 osmosis_replication_sequence_number = 33;
//     optional string osmosis_replication_base_url = 34;
//   }
//   message HeaderBBox { required sint64 left = 1; required sint64 right = 2;
//                        required sint64 top = 3; required sint64 bottom = 4; }
// The types are internal: only the reader and the writer of this module use them.

import Foundation
import SwiftProtobuf

fileprivate nonisolated struct _GeneratedWithProtocGenSwiftVersion: ProtobufAPIVersionCheck {
  struct _2: ProtobufAPIVersion_2 {}
  typealias Version = _2
}

/// The first block of a file: its bounding box and the features a reader must understand.
nonisolated struct OSMPBF_HeaderBlock: Sendable {
  var bbox: OSMPBF_HeaderBBox {
    get {return _bbox ?? OSMPBF_HeaderBBox()}
    set {_bbox = newValue}
  }
  var hasBbox: Bool {self._bbox != nil}
  mutating func clearBbox() {self._bbox = nil}

  /// Features a reader must support to read the file correctly (`OsmSchema-V0.6`, `DenseNodes`).
  var requiredFeatures: [String] = []

  var optionalFeatures: [String] = []

  var writingprogram: String {
    get {return _writingprogram ?? String()}
    set {_writingprogram = newValue}
  }
  var hasWritingprogram: Bool {self._writingprogram != nil}
  mutating func clearWritingprogram() {self._writingprogram = nil}

  var source: String {
    get {return _source ?? String()}
    set {_source = newValue}
  }
  var hasSource: Bool {self._source != nil}
  mutating func clearSource() {self._source = nil}

  var osmosisReplicationTimestamp: Int64 {
    get {return _osmosisReplicationTimestamp ?? 0}
    set {_osmosisReplicationTimestamp = newValue}
  }
  var hasOsmosisReplicationTimestamp: Bool {self._osmosisReplicationTimestamp != nil}
  mutating func clearOsmosisReplicationTimestamp() {self._osmosisReplicationTimestamp = nil}

  var osmosisReplicationSequenceNumber: Int64 {
    get {return _osmosisReplicationSequenceNumber ?? 0}
    set {_osmosisReplicationSequenceNumber = newValue}
  }
  var hasOsmosisReplicationSequenceNumber: Bool {self._osmosisReplicationSequenceNumber != nil}
  mutating func clearOsmosisReplicationSequenceNumber() {self._osmosisReplicationSequenceNumber = nil}

  var osmosisReplicationBaseURL: String {
    get {return _osmosisReplicationBaseURL ?? String()}
    set {_osmosisReplicationBaseURL = newValue}
  }
  var hasOsmosisReplicationBaseURL: Bool {self._osmosisReplicationBaseURL != nil}
  mutating func clearOsmosisReplicationBaseURL() {self._osmosisReplicationBaseURL = nil}

  var unknownFields = SwiftProtobuf.UnknownStorage()

  init() {}

  fileprivate var _bbox: OSMPBF_HeaderBBox? = nil
  fileprivate var _writingprogram: String? = nil
  fileprivate var _source: String? = nil
  fileprivate var _osmosisReplicationTimestamp: Int64? = nil
  fileprivate var _osmosisReplicationSequenceNumber: Int64? = nil
  fileprivate var _osmosisReplicationBaseURL: String? = nil
}

/// The header's bounding box, always in nanodegrees (it does not follow a block's granularity).
nonisolated struct OSMPBF_HeaderBBox: Sendable {
  var left: Int64 {
    get {return _left ?? 0}
    set {_left = newValue}
  }
  var hasLeft: Bool {self._left != nil}
  mutating func clearLeft() {self._left = nil}

  var right: Int64 {
    get {return _right ?? 0}
    set {_right = newValue}
  }
  var hasRight: Bool {self._right != nil}
  mutating func clearRight() {self._right = nil}

  var top: Int64 {
    get {return _top ?? 0}
    set {_top = newValue}
  }
  var hasTop: Bool {self._top != nil}
  mutating func clearTop() {self._top = nil}

  var bottom: Int64 {
    get {return _bottom ?? 0}
    set {_bottom = newValue}
  }
  var hasBottom: Bool {self._bottom != nil}
  mutating func clearBottom() {self._bottom = nil}

  var unknownFields = SwiftProtobuf.UnknownStorage()

  init() {}

  fileprivate var _left: Int64? = nil
  fileprivate var _right: Int64? = nil
  fileprivate var _top: Int64? = nil
  fileprivate var _bottom: Int64? = nil
}

// MARK: - Code below here is support for the SwiftProtobuf runtime.

fileprivate nonisolated let _protobuf_package = "OSMPBF"

nonisolated extension OSMPBF_HeaderBlock: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".HeaderBlock"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}bbox\0\u{4}\u{3}required_features\0\u{3}optional_features\0\u{2}\u{b}writingprogram\0\u{1}source\0\u{4}\u{f}osmosis_replication_timestamp\0\u{3}osmosis_replication_sequence_number\0\u{3}osmosis_replication_base_url\0")

  var isInitialized: Bool {
    if let v = self._bbox, !v.isInitialized {return false}
    return true
  }

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeSingularMessageField(value: &self._bbox) }()
      case 4: try { try decoder.decodeRepeatedStringField(value: &self.requiredFeatures) }()
      case 5: try { try decoder.decodeRepeatedStringField(value: &self.optionalFeatures) }()
      case 16: try { try decoder.decodeSingularStringField(value: &self._writingprogram) }()
      case 17: try { try decoder.decodeSingularStringField(value: &self._source) }()
      case 32: try { try decoder.decodeSingularInt64Field(value: &self._osmosisReplicationTimestamp) }()
      case 33: try { try decoder.decodeSingularInt64Field(value: &self._osmosisReplicationSequenceNumber) }()
      case 34: try { try decoder.decodeSingularStringField(value: &self._osmosisReplicationBaseURL) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    try { if let v = self._bbox {
      try visitor.visitSingularMessageField(value: v, fieldNumber: 1)
    } }()
    if !self.requiredFeatures.isEmpty {
      try visitor.visitRepeatedStringField(value: self.requiredFeatures, fieldNumber: 4)
    }
    if !self.optionalFeatures.isEmpty {
      try visitor.visitRepeatedStringField(value: self.optionalFeatures, fieldNumber: 5)
    }
    try { if let v = self._writingprogram {
      try visitor.visitSingularStringField(value: v, fieldNumber: 16)
    } }()
    try { if let v = self._source {
      try visitor.visitSingularStringField(value: v, fieldNumber: 17)
    } }()
    try { if let v = self._osmosisReplicationTimestamp {
      try visitor.visitSingularInt64Field(value: v, fieldNumber: 32)
    } }()
    try { if let v = self._osmosisReplicationSequenceNumber {
      try visitor.visitSingularInt64Field(value: v, fieldNumber: 33)
    } }()
    try { if let v = self._osmosisReplicationBaseURL {
      try visitor.visitSingularStringField(value: v, fieldNumber: 34)
    } }()
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: OSMPBF_HeaderBlock, rhs: OSMPBF_HeaderBlock) -> Bool {
    if lhs._bbox != rhs._bbox {return false}
    if lhs.requiredFeatures != rhs.requiredFeatures {return false}
    if lhs.optionalFeatures != rhs.optionalFeatures {return false}
    if lhs._writingprogram != rhs._writingprogram {return false}
    if lhs._source != rhs._source {return false}
    if lhs._osmosisReplicationTimestamp != rhs._osmosisReplicationTimestamp {return false}
    if lhs._osmosisReplicationSequenceNumber != rhs._osmosisReplicationSequenceNumber {return false}
    if lhs._osmosisReplicationBaseURL != rhs._osmosisReplicationBaseURL {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}

nonisolated extension OSMPBF_HeaderBBox: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".HeaderBBox"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}left\0\u{1}right\0\u{1}top\0\u{1}bottom\0")

  var isInitialized: Bool {
    if self._left == nil {return false}
    if self._right == nil {return false}
    if self._top == nil {return false}
    if self._bottom == nil {return false}
    return true
  }

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeSingularSInt64Field(value: &self._left) }()
      case 2: try { try decoder.decodeSingularSInt64Field(value: &self._right) }()
      case 3: try { try decoder.decodeSingularSInt64Field(value: &self._top) }()
      case 4: try { try decoder.decodeSingularSInt64Field(value: &self._bottom) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    try { if let v = self._left {
      try visitor.visitSingularSInt64Field(value: v, fieldNumber: 1)
    } }()
    try { if let v = self._right {
      try visitor.visitSingularSInt64Field(value: v, fieldNumber: 2)
    } }()
    try { if let v = self._top {
      try visitor.visitSingularSInt64Field(value: v, fieldNumber: 3)
    } }()
    try { if let v = self._bottom {
      try visitor.visitSingularSInt64Field(value: v, fieldNumber: 4)
    } }()
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: OSMPBF_HeaderBBox, rhs: OSMPBF_HeaderBBox) -> Bool {
    if lhs._left != rhs._left {return false}
    if lhs._right != rhs._right {return false}
    if lhs._top != rhs._top {return false}
    if lhs._bottom != rhs._bottom {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}
