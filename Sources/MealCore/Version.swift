public enum MealCoreVersion { public static let schema = 1 }
