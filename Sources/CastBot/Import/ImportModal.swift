import DiscordModels

/// `playerdata_import_modal`: one File Upload (`import_file`) in a Label.
enum ImportModal {
    static let title = "Import playerData"

    static func payload(isOwner: Bool, maxFileBytes: Int) -> ModalPayload {
        let scope =
            isOwner
            ? "A server export goes into its own server; a whole playerData.json replaces the data file."
            : "A server export of this server, or a whole playerData.json from which this server's data is taken."
        return ModalPayload(
            customID: CustomID.importModal,
            title: title,
            components: [
                .textDisplay(
                    TextDisplay(
                        content: "Upload an export (.json). \(scope) You'll see what changes and confirm before anything is written.")),
                .label(
                    Label(
                        label: "Export file",
                        description: "A .json export, up to \(ByteSizeText.describe(maxFileBytes)).",
                        component: .fileUpload(FileUpload(customID: CustomID.Field.importFile, minValues: 1, maxValues: 1, required: true)))),
            ]
        )
    }
}
