// CastBot module.
