// Written by hand in the style of protoc-gen-swift (swift-protobuf 1.39): there is no protoc on
// the build machines, so the messages the reader needs are committed as source.
//
// Mirrors: osmformat.proto of the OSM PBF format (package OSMPBF), the elements,
//   https://github.com/openstreetmap/OSM-binary/blob/master/osmpbf/osmformat.proto
//   message DenseNodes { repeated sint64 id = 1 [packed]; repeated sint64 lat = 8 [packed];
//                        repeated sint64 lon = 9 [packed]; repeated int32 keys_vals = 10 [packed]; }
//   message Node { required sint64 id = 1; repeated uint32 keys = 2 [packed];
//                  repeated uint32 vals = 3 [packed]; required sint64 lat = 8; required sint64 lon = 9; }
//   message Way { required int64 id = 1; repeated uint32 keys = 2 [packed];
//                 repeated uint32 vals = 3 [packed]; repeated sint64 refs = 8 [packed]; }
//   message Relation { required int64 id = 1; repeated uint32 keys = 2 [packed];
//                      repeated uint32 vals = 3 [packed]; repeated int32 roles_sid = 8 [packed];
//                      repeated sint64 memids = 9 [packed]; repeated MemberType types = 10 [packed]; }
// Left out (the metadata is not used, the reader discards unknown fields): `info = 4` of Node,
// Way and Relation, `denseinfo = 5` of DenseNodes, and the LocationsOnWays `lat = 9`/`lon = 10`
// of Way (a required feature the reader refuses). Relation `types` is kept as its raw int32
// values (NODE = 0, WAY = 1, RELATION = 2): relations are decoded and skipped.
// id, lat and lon of DenseNodes and refs of Way and memids of Relation are delta coded.

import Foundation
import SwiftProtobuf

fileprivate nonisolated struct _GeneratedWithProtocGenSwiftVersion: ProtobufAPIVersionCheck {
  struct _2: ProtobufAPIVersion_2 {}
  typealias Version = _2
}

/// Nodes stored column-wise; tags of all nodes packed in `keysVals` as `(key value)* 0` per node.
nonisolated struct OSMPBF_DenseNodes: Sendable {
  var id: [Int64] = []
  var lat: [Int64] = []
  var lon: [Int64] = []
  var keysVals: [Int32] = []

  var unknownFields = SwiftProtobuf.UnknownStorage()

  init() {}
}

nonisolated struct OSMPBF_Node: Sendable {
  var id: Int64 {
    get {return _id ?? 0}
    set {_id = newValue}
  }
  var hasID: Bool {self._id != nil}
  mutating func clearID() {self._id = nil}

  var keys: [UInt32] = []
  var vals: [UInt32] = []

  var lat: Int64 {
    get {return _lat ?? 0}
    set {_lat = newValue}
  }
  var hasLat: Bool {self._lat != nil}
  mutating func clearLat() {self._lat = nil}

  var lon: Int64 {
    get {return _lon ?? 0}
    set {_lon = newValue}
  }
  var hasLon: Bool {self._lon != nil}
  mutating func clearLon() {self._lon = nil}

  var unknownFields = SwiftProtobuf.UnknownStorage()

  init() {}

  fileprivate var _id: Int64? = nil
  fileprivate var _lat: Int64? = nil
  fileprivate var _lon: Int64? = nil
}

nonisolated struct OSMPBF_Way: Sendable {
  var id: Int64 {
    get {return _id ?? 0}
    set {_id = newValue}
  }
  var hasID: Bool {self._id != nil}
  mutating func clearID() {self._id = nil}

  var keys: [UInt32] = []
  var vals: [UInt32] = []
  var refs: [Int64] = []

  var unknownFields = SwiftProtobuf.UnknownStorage()

  init() {}

  fileprivate var _id: Int64? = nil
}

nonisolated struct OSMPBF_Relation: Sendable {
  var id: Int64 {
    get {return _id ?? 0}
    set {_id = newValue}
  }
  var hasID: Bool {self._id != nil}
  mutating func clearID() {self._id = nil}

  var keys: [UInt32] = []
  var vals: [UInt32] = []
  var rolesSid: [Int32] = []
  var memids: [Int64] = []
  var types: [Int32] = []

  var unknownFields = SwiftProtobuf.UnknownStorage()

  init() {}

  fileprivate var _id: Int64? = nil
}

// MARK: - Code below here is support for the SwiftProtobuf runtime.

fileprivate nonisolated let _protobuf_package = "OSMPBF"

nonisolated extension OSMPBF_DenseNodes: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".DenseNodes"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}id\0\u{2}\u{7}lat\0\u{1}lon\0\u{3}keys_vals\0")

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeRepeatedSInt64Field(value: &self.id) }()
      case 8: try { try decoder.decodeRepeatedSInt64Field(value: &self.lat) }()
      case 9: try { try decoder.decodeRepeatedSInt64Field(value: &self.lon) }()
      case 10: try { try decoder.decodeRepeatedInt32Field(value: &self.keysVals) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    if !self.id.isEmpty {
      try visitor.visitPackedSInt64Field(value: self.id, fieldNumber: 1)
    }
    if !self.lat.isEmpty {
      try visitor.visitPackedSInt64Field(value: self.lat, fieldNumber: 8)
    }
    if !self.lon.isEmpty {
      try visitor.visitPackedSInt64Field(value: self.lon, fieldNumber: 9)
    }
    if !self.keysVals.isEmpty {
      try visitor.visitPackedInt32Field(value: self.keysVals, fieldNumber: 10)
    }
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: OSMPBF_DenseNodes, rhs: OSMPBF_DenseNodes) -> Bool {
    if lhs.id != rhs.id {return false}
    if lhs.lat != rhs.lat {return false}
    if lhs.lon != rhs.lon {return false}
    if lhs.keysVals != rhs.keysVals {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}

nonisolated extension OSMPBF_Node: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".Node"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}id\0\u{1}keys\0\u{1}vals\0\u{2}\u{5}lat\0\u{1}lon\0")

  var isInitialized: Bool {
    if self._id == nil {return false}
    if self._lat == nil {return false}
    if self._lon == nil {return false}
    return true
  }

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeSingularSInt64Field(value: &self._id) }()
      case 2: try { try decoder.decodeRepeatedUInt32Field(value: &self.keys) }()
      case 3: try { try decoder.decodeRepeatedUInt32Field(value: &self.vals) }()
      case 8: try { try decoder.decodeSingularSInt64Field(value: &self._lat) }()
      case 9: try { try decoder.decodeSingularSInt64Field(value: &self._lon) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    try { if let v = self._id {
      try visitor.visitSingularSInt64Field(value: v, fieldNumber: 1)
    } }()
    if !self.keys.isEmpty {
      try visitor.visitPackedUInt32Field(value: self.keys, fieldNumber: 2)
    }
    if !self.vals.isEmpty {
      try visitor.visitPackedUInt32Field(value: self.vals, fieldNumber: 3)
    }
    try { if let v = self._lat {
      try visitor.visitSingularSInt64Field(value: v, fieldNumber: 8)
    } }()
    try { if let v = self._lon {
      try visitor.visitSingularSInt64Field(value: v, fieldNumber: 9)
    } }()
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: OSMPBF_Node, rhs: OSMPBF_Node) -> Bool {
    if lhs._id != rhs._id {return false}
    if lhs.keys != rhs.keys {return false}
    if lhs.vals != rhs.vals {return false}
    if lhs._lat != rhs._lat {return false}
    if lhs._lon != rhs._lon {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}

nonisolated extension OSMPBF_Way: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".Way"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}id\0\u{1}keys\0\u{1}vals\0\u{2}\u{5}refs\0")

  var isInitialized: Bool {
    if self._id == nil {return false}
    return true
  }

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeSingularInt64Field(value: &self._id) }()
      case 2: try { try decoder.decodeRepeatedUInt32Field(value: &self.keys) }()
      case 3: try { try decoder.decodeRepeatedUInt32Field(value: &self.vals) }()
      case 8: try { try decoder.decodeRepeatedSInt64Field(value: &self.refs) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    try { if let v = self._id {
      try visitor.visitSingularInt64Field(value: v, fieldNumber: 1)
    } }()
    if !self.keys.isEmpty {
      try visitor.visitPackedUInt32Field(value: self.keys, fieldNumber: 2)
    }
    if !self.vals.isEmpty {
      try visitor.visitPackedUInt32Field(value: self.vals, fieldNumber: 3)
    }
    if !self.refs.isEmpty {
      try visitor.visitPackedSInt64Field(value: self.refs, fieldNumber: 8)
    }
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: OSMPBF_Way, rhs: OSMPBF_Way) -> Bool {
    if lhs._id != rhs._id {return false}
    if lhs.keys != rhs.keys {return false}
    if lhs.vals != rhs.vals {return false}
    if lhs.refs != rhs.refs {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}

nonisolated extension OSMPBF_Relation: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".Relation"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}id\0\u{1}keys\0\u{1}vals\0\u{4}\u{5}roles_sid\0\u{1}memids\0\u{1}types\0")

  var isInitialized: Bool {
    if self._id == nil {return false}
    return true
  }

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeSingularInt64Field(value: &self._id) }()
      case 2: try { try decoder.decodeRepeatedUInt32Field(value: &self.keys) }()
      case 3: try { try decoder.decodeRepeatedUInt32Field(value: &self.vals) }()
      case 8: try { try decoder.decodeRepeatedInt32Field(value: &self.rolesSid) }()
      case 9: try { try decoder.decodeRepeatedSInt64Field(value: &self.memids) }()
      case 10: try { try decoder.decodeRepeatedInt32Field(value: &self.types) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    try { if let v = self._id {
      try visitor.visitSingularInt64Field(value: v, fieldNumber: 1)
    } }()
    if !self.keys.isEmpty {
      try visitor.visitPackedUInt32Field(value: self.keys, fieldNumber: 2)
    }
    if !self.vals.isEmpty {
      try visitor.visitPackedUInt32Field(value: self.vals, fieldNumber: 3)
    }
    if !self.rolesSid.isEmpty {
      try visitor.visitPackedInt32Field(value: self.rolesSid, fieldNumber: 8)
    }
    if !self.memids.isEmpty {
      try visitor.visitPackedSInt64Field(value: self.memids, fieldNumber: 9)
    }
    if !self.types.isEmpty {
      try visitor.visitPackedInt32Field(value: self.types, fieldNumber: 10)
    }
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: OSMPBF_Relation, rhs: OSMPBF_Relation) -> Bool {
    if lhs._id != rhs._id {return false}
    if lhs.keys != rhs.keys {return false}
    if lhs.vals != rhs.vals {return false}
    if lhs.rolesSid != rhs.rolesSid {return false}
    if lhs.memids != rhs.memids {return false}
    if lhs.types != rhs.types {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}
