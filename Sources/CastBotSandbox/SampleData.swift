/// A small player data file in CastBot's shape (three servers, the first being the sandbox's
/// demo server), written when sandbox mode starts without a `playerData.json`, so the demo has
/// something to export. Operators don't have the repository's fixtures, so it lives here.
enum SampleData {
    static let demoGuildID = "1200000000000000001"

    static let playerDataJSON = """
{
  "/* Server ID */": null,
  "environmentConfig": {
    "liveDiscordLogging": {
      "enabled": false,
      "targetGuildId": "1200000000000000001",
      "excludedUserIds": {
        "production": [],
        "development": []
      },
      "productionTimezoneOffset": 0,
      "developmentTimezoneOffset": 0
    },
    "players": {},
    "tribes": {},
    "timezones": {}
  },
  "1200000000000000001": {
    "serverName": "Sandbox Guild",
    "players": {
      "1200000000000000101": {
        "emojiCode": "<:1200000000000000101:1300000000000000101>",
        "age": "24"
      },
      "1200000000000000102": {
        "emojiCode": "<:1200000000000000102:1300000000000000102>"
      },
      "1200000000000000103": {
        "emojiCode": null
      },
      "1200000000000000104": {
        "emojiCode": "<:1200000000000000104:1300000000000000104>",
        "age": "31"
      },
      "1200000000000000105": {
        "emojiCode": "<:1200000000000000105:1300000000000000105>"
      },
      "1200000000000000106": {
        "emojiCode": null
      }
    },
    "tribes": {
      "1200000000000000301": {
        "emoji": null,
        "castlist": "default"
      },
      "1200000000000000302": {
        "emoji": "🔥",
        "castlist": "default"
      }
    },
    "timezones": {
      "1200000000000000401": {
        "offset": -5
      },
      "1200000000000000402": {
        "offset": 0
      },
      "1200000000000000403": {
        "offset": 8
      }
    },
    "pronounRoleIDs": [
      "1200000000000000501",
      "1200000000000000502"
    ],
    "icon": null,
    "ownerId": "1200000000000000003",
    "memberCount": 42,
    "description": null,
    "vanityURLCode": null,
    "preferredLocale": "en-US",
    "partnered": false,
    "verified": false,
    "createdTimestamp": 1760000000000,
    "lastUpdated": 1760538600000
  },
  "1200000000000000011": {
    "serverName": "Sandbox Season 2 — Drive-In",
    "players": {
      "1200000000000000201": {
        "emojiCode": "<:1200000000000000201:1300000000000000201>"
      },
      "1200000000000000202": {
        "emojiCode": "<:1200000000000000202:1300000000000000202>",
        "age": "27"
      },
      "1200000000000000203": {
        "emojiCode": null
      },
      "1200000000000000204": {
        "emojiCode": "<:1200000000000000204:1300000000000000204>"
      }
    },
    "tribes": {
      "1200000000000000311": {
        "emoji": null,
        "castlist": "screen1"
      }
    },
    "timezones": {
      "1200000000000000411": {
        "offset": 10
      }
    },
    "icon": null,
    "ownerId": "1200000000000000003",
    "memberCount": 17,
    "description": "A second demo server",
    "preferredLocale": "en-GB",
    "createdTimestamp": 1760100000000,
    "lastUpdated": 1760539600000
  },
  "1200000000000000021": {
    "serverName": "Empty Sandbox Server",
    "players": {},
    "tribes": {},
    "timezones": {},
    "ownerId": "1200000000000000003",
    "memberCount": 3,
    "createdTimestamp": 1760200000000
  }
}
"""
}
