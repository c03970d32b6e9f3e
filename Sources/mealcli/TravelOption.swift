import ArgumentParser
import MealCore
import MealPlanner

extension TravelModelKind: ExpressibleByArgument {}

/// `--travel straight|network`, shared by the commands that plan, check or report travel times.
/// Without it: the road network when roads are imported, else the straight line (a check or an
/// edit follows what the plan recorded).
struct TravelOption: ParsableArguments {
    @Option(name: .customLong("travel"),
            help: ArgumentHelp("straight (great circle × circuity) or network (the imported roads; the default when roads are imported).",
                               valueName: "model"))
    var model: TravelModelKind?

    /// The model a planning command uses.
    func choice(in store: AppDatabase) throws -> TravelChoice {
        try TravelSelection.choose(model, in: store)
    }

    /// The model a command on an existing plan uses: the one asked for, else the one the plan recorded.
    func choice(for plan: DayPlan, in store: AppDatabase) throws -> TravelChoice {
        try TravelSelection.choose(model ?? plan.travel.kind, in: store)
    }
}
