// Settings: to be written.
