import Testing
@testable import DiscordSandbox
