/// The release of the engine, defined once: `mealcli --version` prints it.
public enum EngineVersion {
    public static let string = "0.9.0"
}
