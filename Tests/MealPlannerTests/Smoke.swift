import XCTest
final class SmokeMealPlannerTests: XCTestCase { func testNothing() {} }
