internal import HTTPTypes
internal import NIOCore

/// The head of an answer: its status and header fields, and the same as HTTP/1.1 bytes (the
/// status line and a line per field, without the Date and Server fields and the blank line
/// that end every head). A file's heads are made once per version, so a read is answered
/// by copying bytes.
struct AnswerHead: Sendable {
    let status: HTTPResponse.Status
    let fields: HTTPFields
    let bytes: ByteBuffer

    init(_ status: HTTPResponse.Status, _ fields: HTTPFields) {
        self.status = status
        self.fields = fields
        var bytes = ByteBuffer()
        bytes.writeString("HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n")
        for field in fields {
            bytes.writeString(field.name.rawName)
            bytes.writeStaticString(": ")
            bytes.writeString(field.value)
            bytes.writeStaticString("\r\n")
        }
        self.bytes = bytes
    }
}
