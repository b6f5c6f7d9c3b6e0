import DiscordModels
import Foundation
import Testing

@Suite("Reading modal submissions", .timeLimit(.minutes(1)))
struct ModalSubmissionTests {
    func data(_ json: String) throws -> InteractionData {
        try JSONDecoder().decode(InteractionData.self, from: Data(json.utf8))
    }

    @Test("a Label-wrapped text input (Discord's example)")
    func labelWrapped() throws {
        let submission = try JSONDecoder().decode(
            InteractionData.self, from: try Fixtures.data("InteractionData.modal-submit-text-input.json"))
        #expect(
            submission.submittedValue("game_feedback")
                == "The recent changes to acceleration feel much better, but shadows still need help")
        #expect(submission.submittedValue("missing") == nil)
    }

    @Test("a legacy ActionRow-wrapped text input")
    func actionRowWrapped() throws {
        let submission = try data(#"""
        {"custom_id": "playerdata_export_schedule_modal", "components": [
          {"type": 1, "components": [{"type": 4, "custom_id": "interval_minutes", "value": "90m"}]},
          {"type": 1, "components": [{"type": 4, "custom_id": "daily_at", "value": ""}]}
        ]}
        """#)
        #expect(submission.submittedValue("interval_minutes") == "90m")
        #expect(submission.submittedValue("daily_at") == "")
        #expect(submission.submittedFields.map(\.customID) == ["interval_minutes", "daily_at"])
    }

    @Test("a select's first value is its value (Discord's string select example)")
    func selectValues() throws {
        let submission = try JSONDecoder().decode(
            InteractionData.self, from: try Fixtures.data("InteractionData.modal-submit-role-select.json"))
        #expect(submission.submittedValue("roles_selected") == "1362213912946147499")
        #expect(submission.submittedField("roles_selected")?.values.count == 2)
        #expect(submission.submittedField("roles_selected")?.type == .roleSelect)
    }

    @Test("uploaded files: ids and resolved attachments (Discord's file upload example)")
    func fileUpload() throws {
        let submission = try JSONDecoder().decode(
            InteractionData.self, from: try Fixtures.data("InteractionData.modal-submit-file-upload.json"))
        let ids = submission.uploadedAttachmentIDs("file_upload")
        #expect(ids.map(\.rawValue) == ["111111111111111111111"])
        let attachments = submission.uploadedAttachments("file_upload")
        #expect(attachments.map(\.filename) == ["bug.png"])
        #expect(attachments.first?.size == 241_394)
        #expect(submission.uploadedAttachments("other").isEmpty)
    }

    @Test("an uploaded id without a resolved attachment is skipped, a non-id value ignored")
    func unresolvedUpload() throws {
        let submission = try data(#"""
        {"custom_id": "playerdata_import_modal", "components": [
          {"type": 18, "id": 1, "component": {"type": 19, "id": 2, "custom_id": "import_file", "values": ["55", "not-an-id"]}}
        ], "resolved": {"attachments": {}}}
        """#)
        #expect(submission.uploadedAttachmentIDs("import_file") == [Snowflake(55)])
        #expect(submission.uploadedAttachments("import_file").isEmpty)
    }

    @Test("radio group, checkbox group and checkbox values")
    func choiceComponents() throws {
        let submission = try data(#"""
        {"custom_id": "m", "components": [
          {"type": 18, "component": {"type": 21, "custom_id": "export_type", "value": "server"}},
          {"type": 18, "component": {"type": 21, "custom_id": "nothing_chosen", "value": null}},
          {"type": 18, "component": {"type": 22, "custom_id": "days", "values": ["mon", "fri"]}},
          {"type": 18, "component": {"type": 23, "custom_id": "confirm", "value": true}}
        ]}
        """#)
        #expect(submission.submittedValue("export_type") == "server")
        #expect(submission.submittedValue("nothing_chosen") == nil)
        #expect(submission.submittedField("days")?.values == ["mon", "fri"])
        #expect(submission.submittedValue("days") == "mon")
        #expect(submission.submittedField("confirm")?.isChecked == true)
        #expect(submission.submittedValue("confirm") == "true")
    }

    @Test("inputs of a component type not known yet are still read from their JSON")
    func unknownInputType() throws {
        let submission = try data(#"""
        {"custom_id": "m", "components": [
          {"type": 18, "component": {"type": 31, "custom_id": "slider", "value": "7"}},
          {"type": 40, "components": [{"type": 32, "custom_id": "tags", "values": ["a", "b"]}]}
        ]}
        """#)
        #expect(submission.submittedValue("slider") == "7")
        #expect(submission.submittedField("tags")?.values == ["a", "b"])
    }

    @Test("a submission without components reads as empty, not as an error")
    func noComponents() throws {
        let submission = try data(#"{"custom_id": "m"}"#)
        #expect(submission.submittedFields.isEmpty)
        #expect(submission.submittedValue("x") == nil)
    }
}
