// Scheduling module.
