import XCTest
final class SmokeMealCoreTests: XCTestCase { func testNothing() {} }
