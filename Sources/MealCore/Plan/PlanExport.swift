/// The plan as JSON for other tools; the format is documented in docs/plan-format.md.
public enum PlanExport {
    public static func json(_ plan: DayPlan) -> String {
        let s = JSONText.string
        var out = "{\n"
        out += "  \"date\": \(s(plan.date)),\n  \"service\": \(s(plan.service)),\n  \"version\": \(plan.version),\n"
        out += "  \"status\": \(s(plan.status.rawValue)),\n  \"created_at\": \(s(plan.createdAt)),\n"
        out += "  \"created_by\": \(s(plan.createdBy)),\n  \"seed\": \(plan.seed),\n  \"time_limit_s\": \(plan.timeLimitSeconds),\n"
        out += "  \"parameters\": \(plan.parametersJSON.isEmpty ? "{}" : plan.parametersJSON),\n"
        out += "  \"assignments\": [\n" + plan.assignments.map { meal in
            var fields = ["\"diner\": \(s(meal.dinerID))", "\"canteen\": \(s(meal.canteenID))", "\"mode\": \(s(meal.mode.rawValue))"]
            if let sitting = meal.sitting { fields.append("\"sitting\": \(s(sitting.description))") }
            if let courier = meal.courierID { fields.append("\"courier\": \(s(courier))") }
            if let arrival = meal.arrivalSeconds { fields.append("\"arrive_s\": \(arrival)") }
            if meal.locked { fields.append("\"locked\": true") }
            return "    {" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"routes\": [\n" + plan.rounds.map { round in
            "    {\"courier\": \(s(round.courierID)), \"canteen\": \(s(round.canteenID)), \"trips\": [\n" + round.trips.map { trip in
                "      {\"depart_s\": \(trip.departSeconds), \"return_s\": \(trip.returnSeconds), \"stops\": ["
                    + trip.stops.map { "{\"diner\": \(s($0.dinerID)), \"arrive_s\": \($0.arrivalSeconds)}" }.joined(separator: ", ")
                    + "]}"
            }.joined(separator: ",\n") + "\n    ]}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"unserved\": [\n" + plan.unserved.map {
            "    {\"diner\": \(s($0.dinerID)), \"reason\": \(s($0.reason)), \"detail\": \(s($0.detail))}"
        }.joined(separator: ",\n") + "\n  ]\n}\n"
        return out
    }
}
