import XCTest
final class SmokeMealCLITests: XCTestCase { func testNothing() {} }
