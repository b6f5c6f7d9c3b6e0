import Testing
@testable import DiscordModels
