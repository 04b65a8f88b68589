import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func exampleIsValidAndWarnsAboutTheUndatedDraft() throws {
        let result = try CLI.run(["check", "--project", "examples/iisg"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("12 records read (1 draft): 0 errors and 1 warning."))
        #expect(result.stderr.contains("examples/iisg/events/2024/eu-delegation-serbia-meeting.yml:14:1: warning: this draft has no date yet"))
    }
}
