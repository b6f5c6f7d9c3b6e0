/// Interaction bodies shaped like Discord's, as raw bytes.
enum InteractionPayloads {
    static let applicationID = "1300000000000000001"
    static let token = "interaction-token-abc"

    static func ping() -> [UInt8] {
        Array(#"{"id":"1400000000000000001","application_id":"\#(applicationID)","type":1,"version":1}"#.utf8)
    }

    static func component(customID: String, id: String = "1400000000000000002") -> [UInt8] {
        make(type: 3, id: id, data: #"{"custom_id":"\#(customID)","component_type":2}"#)
    }

    static func command(name: String) -> [UInt8] {
        make(type: 2, id: "1400000000000000003", data: #"{"id":"1500000000000000001","name":"\#(name)","type":1}"#)
    }

    static func autocomplete(name: String) -> [UInt8] {
        make(type: 4, id: "1400000000000000004", data: #"{"id":"1500000000000000001","name":"\#(name)","type":1}"#)
    }

    static func modal(customID: String) -> [UInt8] {
        make(type: 5, id: "1400000000000000005", data: #"{"custom_id":"\#(customID)","components":[]}"#)
    }

    private static func make(type: Int, id: String, data: String) -> [UInt8] {
        Array(
            """
            {"id":"\(id)","application_id":"\(applicationID)","type":\(type),"token":"\(token)",\
            "guild_id":"1100000000000000001","channel_id":"1200000000000000001",\
            "member":{"user":{"id":"1000000000000000001","username":"admin"},"permissions":"8"},\
            "data":\(data),"version":1}
            """.utf8
        )
    }
}
