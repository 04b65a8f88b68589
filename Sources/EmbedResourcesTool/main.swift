import Foundation

// Usage: EmbedResourcesTool FOLDER OUTPUT FILE...
// Writes OUTPUT, a Swift file declaring `EmbeddedResources.files`: each FILE of FOLDER
// (a path relative to it) mapped to its UTF-8 text, as a raw string literal.

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedResourcesTool FOLDER OUTPUT FILE...\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])

/// `text` as a multi-line raw string literal with more `#` than any `"#…` or `\#…` in it, so
/// nothing in the text closes it or escapes.
func rawLiteral(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

var source = """
    // Generated at build time by EmbedResourcesTool from the target's Resources/ folder.
    // Do not edit: edit the files in Resources/ instead.

    /// The data files of `Resources/`, compiled in: relative path → text.
    package enum EmbeddedResources {
        package static let files: [String: String] = [

    """
for file in arguments.dropFirst(3) {
    let url = folder.appendingPathComponent(file)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("error: \(url.path) is not readable UTF-8 text\n".utf8))
        exit(1)
    }
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n")
    source += "        \(String(reflecting: file)): \(rawLiteral(lines)),\n"
    // The gazetteer's lookup index, precomputed (see GazetteerIndex).
    if file == "gazetteer.tsv" {
        source += "        \"gazetteer.index\": \(rawLiteral(GazetteerIndex.make(table: lines))),\n"
    }
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
