import Testing
@testable import DiscordREST
