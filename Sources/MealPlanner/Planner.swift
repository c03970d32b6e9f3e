import MealCore
