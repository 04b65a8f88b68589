import ArgumentParser

/// `--quiet` and `--verbose`, shared by every command.
struct OutputOptions: ParsableArguments {
    @Flag(name: [.customShort("q"), .long], help: "Print only errors and the command's result.")
    var quiet = false

    @Flag(name: [.customShort("v"), .long], help: "Also print what each step did and how long it took.")
    var verbose = false

    func validate() throws {
        if quiet && verbose {
            throw ValidationError("--quiet and --verbose contradict each other; pass one of them")
        }
    }

    /// The console at the verbosity asked for.
    var console: Console { Self.console(quiet: quiet, verbose: verbose) }

    /// The console of `--quiet` and `--verbose` (not both).
    static func console(quiet: Bool, verbose: Bool) -> Console {
        Console(verbosity: quiet ? .quiet : verbose ? .verbose : .normal)
    }
}
