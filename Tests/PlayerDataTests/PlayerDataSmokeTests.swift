import Testing
@testable import PlayerData
