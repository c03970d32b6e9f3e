// Written by hand in the style of protoc-gen-swift (swift-protobuf 1.39): there is no protoc on
// the build machines, so the messages the reader needs are committed as source.
//
// Mirrors: osmformat.proto of the OSM PBF format (package OSMPBF), the data block,
//   https://github.com/openstreetmap/OSM-binary/blob/master/osmpbf/osmformat.proto
//   message PrimitiveBlock {
//     required StringTable stringtable = 1; repeated PrimitiveGroup primitivegroup = 2;
//     optional int32 granularity = 17 [default = 100]; optional int32 date_granularity = 18 [default = 1000];
//     optional int64 lat_offset = 19 [default = 0]; optional int64 lon_offset = 20 [default = 0];
//   }
//   message StringTable { repeated bytes s = 1; }
//   message PrimitiveGroup { repeated Node nodes = 1; optional DenseNodes dense = 2;
//                            repeated Way ways = 3; repeated Relation relations = 4; }
// Left out: `changesets = 5` of PrimitiveGroup (a stub the format never used). Unknown fields
// are discarded by the reader's decoding options. The types are internal.

import Foundation
import SwiftProtobuf

fileprivate nonisolated struct _GeneratedWithProtocGenSwiftVersion: ProtobufAPIVersionCheck {
  struct _2: ProtobufAPIVersion_2 {}
  typealias Version = _2
}

/// One `OSMData` block: its string table, coordinate precision and groups of elements.
nonisolated struct OSMPBF_PrimitiveBlock: Sendable {
  var stringtable: OSMPBF_StringTable {
    get {return _stringtable ?? OSMPBF_StringTable()}
    set {_stringtable = newValue}
  }
  var hasStringtable: Bool {self._stringtable != nil}
  mutating func clearStringtable() {self._stringtable = nil}

  var primitivegroup: [OSMPBF_PrimitiveGroup] = []

  /// Units of nanodegrees used to store coordinates in this block.
  var granularity: Int32 {
    get {return _granularity ?? 100}
    set {_granularity = newValue}
  }
  var hasGranularity: Bool {self._granularity != nil}
  mutating func clearGranularity() {self._granularity = nil}

  var dateGranularity: Int32 {
    get {return _dateGranularity ?? 1000}
    set {_dateGranularity = newValue}
  }
  var hasDateGranularity: Bool {self._dateGranularity != nil}
  mutating func clearDateGranularity() {self._dateGranularity = nil}

  /// Offset in nanodegrees between the stored coordinates and the granularity grid.
  var latOffset: Int64 {
    get {return _latOffset ?? 0}
    set {_latOffset = newValue}
  }
  var hasLatOffset: Bool {self._latOffset != nil}
  mutating func clearLatOffset() {self._latOffset = nil}

  var lonOffset: Int64 {
    get {return _lonOffset ?? 0}
    set {_lonOffset = newValue}
  }
  var hasLonOffset: Bool {self._lonOffset != nil}
  mutating func clearLonOffset() {self._lonOffset = nil}

  var unknownFields = SwiftProtobuf.UnknownStorage()

  init() {}

  fileprivate var _stringtable: OSMPBF_StringTable? = nil
  fileprivate var _granularity: Int32? = nil
  fileprivate var _dateGranularity: Int32? = nil
  fileprivate var _latOffset: Int64? = nil
  fileprivate var _lonOffset: Int64? = nil
}

/// The strings of a block; index 0 is always the empty string (dense tags use it as delimiter).
nonisolated struct OSMPBF_StringTable: Sendable {
  var s: [Data] = []

  var unknownFields = SwiftProtobuf.UnknownStorage()

  init() {}
}

/// Elements of one kind: plain nodes, dense nodes, ways or relations.
nonisolated struct OSMPBF_PrimitiveGroup: Sendable {
  var nodes: [OSMPBF_Node] = []

  var dense: OSMPBF_DenseNodes {
    get {return _dense ?? OSMPBF_DenseNodes()}
    set {_dense = newValue}
  }
  var hasDense: Bool {self._dense != nil}
  mutating func clearDense() {self._dense = nil}

  var ways: [OSMPBF_Way] = []

  var relations: [OSMPBF_Relation] = []

  var unknownFields = SwiftProtobuf.UnknownStorage()

  init() {}

  fileprivate var _dense: OSMPBF_DenseNodes? = nil
}

// MARK: - Code below here is support for the SwiftProtobuf runtime.

fileprivate nonisolated let _protobuf_package = "OSMPBF"

nonisolated extension OSMPBF_PrimitiveBlock: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".PrimitiveBlock"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}stringtable\0\u{1}primitivegroup\0\u{2}\u{f}granularity\0\u{3}date_granularity\0\u{3}lat_offset\0\u{3}lon_offset\0")

  var isInitialized: Bool {
    if self._stringtable == nil {return false}
    // protoc emits `Internal.areAllInitialized(self.primitivegroup)`, which boxes every group
    // (and every way) into an existential; a direct loop checks the same without allocating.
    if !self.primitivegroup.allSatisfy({ $0.isInitialized }) {return false}
    return true
  }

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeSingularMessageField(value: &self._stringtable) }()
      case 2: try { try decoder.decodeRepeatedMessageField(value: &self.primitivegroup) }()
      case 17: try { try decoder.decodeSingularInt32Field(value: &self._granularity) }()
      case 18: try { try decoder.decodeSingularInt32Field(value: &self._dateGranularity) }()
      case 19: try { try decoder.decodeSingularInt64Field(value: &self._latOffset) }()
      case 20: try { try decoder.decodeSingularInt64Field(value: &self._lonOffset) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    try { if let v = self._stringtable {
      try visitor.visitSingularMessageField(value: v, fieldNumber: 1)
    } }()
    if !self.primitivegroup.isEmpty {
      try visitor.visitRepeatedMessageField(value: self.primitivegroup, fieldNumber: 2)
    }
    try { if let v = self._granularity {
      try visitor.visitSingularInt32Field(value: v, fieldNumber: 17)
    } }()
    try { if let v = self._dateGranularity {
      try visitor.visitSingularInt32Field(value: v, fieldNumber: 18)
    } }()
    try { if let v = self._latOffset {
      try visitor.visitSingularInt64Field(value: v, fieldNumber: 19)
    } }()
    try { if let v = self._lonOffset {
      try visitor.visitSingularInt64Field(value: v, fieldNumber: 20)
    } }()
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: OSMPBF_PrimitiveBlock, rhs: OSMPBF_PrimitiveBlock) -> Bool {
    if lhs._stringtable != rhs._stringtable {return false}
    if lhs.primitivegroup != rhs.primitivegroup {return false}
    if lhs._granularity != rhs._granularity {return false}
    if lhs._dateGranularity != rhs._dateGranularity {return false}
    if lhs._latOffset != rhs._latOffset {return false}
    if lhs._lonOffset != rhs._lonOffset {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}

nonisolated extension OSMPBF_StringTable: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".StringTable"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}s\0")

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeRepeatedBytesField(value: &self.s) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    if !self.s.isEmpty {
      try visitor.visitRepeatedBytesField(value: self.s, fieldNumber: 1)
    }
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: OSMPBF_StringTable, rhs: OSMPBF_StringTable) -> Bool {
    if lhs.s != rhs.s {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}

nonisolated extension OSMPBF_PrimitiveGroup: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".PrimitiveGroup"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}nodes\0\u{1}dense\0\u{1}ways\0\u{1}relations\0")

  var isInitialized: Bool {
    if !self.nodes.allSatisfy({ $0.isInitialized }) {return false}
    if !self.ways.allSatisfy({ $0.isInitialized }) {return false}
    if !self.relations.allSatisfy({ $0.isInitialized }) {return false}
    return true
  }

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeRepeatedMessageField(value: &self.nodes) }()
      case 2: try { try decoder.decodeSingularMessageField(value: &self._dense) }()
      case 3: try { try decoder.decodeRepeatedMessageField(value: &self.ways) }()
      case 4: try { try decoder.decodeRepeatedMessageField(value: &self.relations) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    if !self.nodes.isEmpty {
      try visitor.visitRepeatedMessageField(value: self.nodes, fieldNumber: 1)
    }
    try { if let v = self._dense {
      try visitor.visitSingularMessageField(value: v, fieldNumber: 2)
    } }()
    if !self.ways.isEmpty {
      try visitor.visitRepeatedMessageField(value: self.ways, fieldNumber: 3)
    }
    if !self.relations.isEmpty {
      try visitor.visitRepeatedMessageField(value: self.relations, fieldNumber: 4)
    }
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: OSMPBF_PrimitiveGroup, rhs: OSMPBF_PrimitiveGroup) -> Bool {
    if lhs.nodes != rhs.nodes {return false}
    if lhs._dense != rhs._dense {return false}
    if lhs.ways != rhs.ways {return false}
    if lhs.relations != rhs.relations {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}
