import ArgumentParser
@main struct MealCLI: ParsableCommand { func run() {} }
