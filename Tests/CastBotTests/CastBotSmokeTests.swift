import Testing
@testable import CastBot
