// PlayerData module.
