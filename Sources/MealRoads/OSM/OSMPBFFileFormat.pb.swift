// Written by hand in the style of protoc-gen-swift (swift-protobuf 1.39): there is no protoc on
// the build machines and building the protoc plugin takes ten minutes, so the few messages the
// reader needs are committed as source.
//
// Mirrors: fileformat.proto of the OSM PBF format (package OSMPBF),
//   https://github.com/openstreetmap/OSM-binary/blob/master/osmpbf/fileformat.proto
//   message BlobHeader { required string type = 1; optional bytes indexdata = 2; required int32 datasize = 3; }
//   message Blob {
//     optional int32 raw_size = 2;
//     oneof data { bytes raw = 1; bytes zlib_data = 3; bytes lzma_data = 4;
//                  bytes OBSOLETE_bzip2_data = 5; bytes lz4_data = 6; bytes zstd_data = 7; }
//   }
// Differences from protoc output: the `data` oneof is kept as separate optional fields (the
// reader takes raw, then zlib, and names any other compression it finds), and the types are
// internal.

import Foundation
import SwiftProtobuf

fileprivate nonisolated struct _GeneratedWithProtocGenSwiftVersion: ProtobufAPIVersionCheck {
  struct _2: ProtobufAPIVersion_2 {}
  typealias Version = _2
}

/// The header of one blob: what it holds (`OSMHeader`, `OSMData`) and how many bytes follow.
nonisolated struct OSMPBF_BlobHeader: Sendable {
  var type: String {
    get {return _type ?? String()}
    set {_type = newValue}
  }
  var hasType: Bool {self._type != nil}
  mutating func clearType() {self._type = nil}

  var indexdata: Data {
    get {return _indexdata ?? Data()}
    set {_indexdata = newValue}
  }
  var hasIndexdata: Bool {self._indexdata != nil}
  mutating func clearIndexdata() {self._indexdata = nil}

  var datasize: Int32 {
    get {return _datasize ?? 0}
    set {_datasize = newValue}
  }
  var hasDatasize: Bool {self._datasize != nil}
  mutating func clearDatasize() {self._datasize = nil}

  var unknownFields = SwiftProtobuf.UnknownStorage()

  init() {}

  fileprivate var _type: String? = nil
  fileprivate var _indexdata: Data? = nil
  fileprivate var _datasize: Int32? = nil
}

/// One blob: a header block or a primitive block, raw or compressed.
nonisolated struct OSMPBF_Blob: Sendable {
  /// The uncompressed size, set when the data is compressed.
  var rawSize: Int32 {
    get {return _rawSize ?? 0}
    set {_rawSize = newValue}
  }
  var hasRawSize: Bool {self._rawSize != nil}
  mutating func clearRawSize() {self._rawSize = nil}

  var raw: Data {
    get {return _raw ?? Data()}
    set {_raw = newValue}
  }
  var hasRaw: Bool {self._raw != nil}
  mutating func clearRaw() {self._raw = nil}

  var zlibData: Data {
    get {return _zlibData ?? Data()}
    set {_zlibData = newValue}
  }
  var hasZlibData: Bool {self._zlibData != nil}
  mutating func clearZlibData() {self._zlibData = nil}

  var lzmaData: Data {
    get {return _lzmaData ?? Data()}
    set {_lzmaData = newValue}
  }
  var hasLzmaData: Bool {self._lzmaData != nil}
  mutating func clearLzmaData() {self._lzmaData = nil}

  var obsoleteBzip2Data: Data {
    get {return _obsoleteBzip2Data ?? Data()}
    set {_obsoleteBzip2Data = newValue}
  }
  var hasObsoleteBzip2Data: Bool {self._obsoleteBzip2Data != nil}
  mutating func clearObsoleteBzip2Data() {self._obsoleteBzip2Data = nil}

  var lz4Data: Data {
    get {return _lz4Data ?? Data()}
    set {_lz4Data = newValue}
  }
  var hasLz4Data: Bool {self._lz4Data != nil}
  mutating func clearLz4Data() {self._lz4Data = nil}

  var zstdData: Data {
    get {return _zstdData ?? Data()}
    set {_zstdData = newValue}
  }
  var hasZstdData: Bool {self._zstdData != nil}
  mutating func clearZstdData() {self._zstdData = nil}

  var unknownFields = SwiftProtobuf.UnknownStorage()

  init() {}

  fileprivate var _rawSize: Int32? = nil
  fileprivate var _raw: Data? = nil
  fileprivate var _zlibData: Data? = nil
  fileprivate var _lzmaData: Data? = nil
  fileprivate var _obsoleteBzip2Data: Data? = nil
  fileprivate var _lz4Data: Data? = nil
  fileprivate var _zstdData: Data? = nil
}

// MARK: - Code below here is support for the SwiftProtobuf runtime.

fileprivate nonisolated let _protobuf_package = "OSMPBF"

nonisolated extension OSMPBF_BlobHeader: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".BlobHeader"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}type\0\u{1}indexdata\0\u{1}datasize\0")

  var isInitialized: Bool {
    if self._type == nil {return false}
    if self._datasize == nil {return false}
    return true
  }

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeSingularStringField(value: &self._type) }()
      case 2: try { try decoder.decodeSingularBytesField(value: &self._indexdata) }()
      case 3: try { try decoder.decodeSingularInt32Field(value: &self._datasize) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    try { if let v = self._type {
      try visitor.visitSingularStringField(value: v, fieldNumber: 1)
    } }()
    try { if let v = self._indexdata {
      try visitor.visitSingularBytesField(value: v, fieldNumber: 2)
    } }()
    try { if let v = self._datasize {
      try visitor.visitSingularInt32Field(value: v, fieldNumber: 3)
    } }()
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: OSMPBF_BlobHeader, rhs: OSMPBF_BlobHeader) -> Bool {
    if lhs._type != rhs._type {return false}
    if lhs._indexdata != rhs._indexdata {return false}
    if lhs._datasize != rhs._datasize {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}

nonisolated extension OSMPBF_Blob: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".Blob"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}raw\0\u{3}raw_size\0\u{3}zlib_data\0\u{3}lzma_data\0\u{5}OBSOLETE_bzip2_data\0OBSOLETEBzip2Data\0\u{3}lz4_data\0\u{3}zstd_data\0")

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeSingularBytesField(value: &self._raw) }()
      case 2: try { try decoder.decodeSingularInt32Field(value: &self._rawSize) }()
      case 3: try { try decoder.decodeSingularBytesField(value: &self._zlibData) }()
      case 4: try { try decoder.decodeSingularBytesField(value: &self._lzmaData) }()
      case 5: try { try decoder.decodeSingularBytesField(value: &self._obsoleteBzip2Data) }()
      case 6: try { try decoder.decodeSingularBytesField(value: &self._lz4Data) }()
      case 7: try { try decoder.decodeSingularBytesField(value: &self._zstdData) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    try { if let v = self._raw {
      try visitor.visitSingularBytesField(value: v, fieldNumber: 1)
    } }()
    try { if let v = self._rawSize {
      try visitor.visitSingularInt32Field(value: v, fieldNumber: 2)
    } }()
    try { if let v = self._zlibData {
      try visitor.visitSingularBytesField(value: v, fieldNumber: 3)
    } }()
    try { if let v = self._lzmaData {
      try visitor.visitSingularBytesField(value: v, fieldNumber: 4)
    } }()
    try { if let v = self._obsoleteBzip2Data {
      try visitor.visitSingularBytesField(value: v, fieldNumber: 5)
    } }()
    try { if let v = self._lz4Data {
      try visitor.visitSingularBytesField(value: v, fieldNumber: 6)
    } }()
    try { if let v = self._zstdData {
      try visitor.visitSingularBytesField(value: v, fieldNumber: 7)
    } }()
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: OSMPBF_Blob, rhs: OSMPBF_Blob) -> Bool {
    if lhs._raw != rhs._raw {return false}
    if lhs._rawSize != rhs._rawSize {return false}
    if lhs._zlibData != rhs._zlibData {return false}
    if lhs._lzmaData != rhs._lzmaData {return false}
    if lhs._obsoleteBzip2Data != rhs._obsoleteBzip2Data {return false}
    if lhs._lz4Data != rhs._lz4Data {return false}
    if lhs._zstdData != rhs._zstdData {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}
