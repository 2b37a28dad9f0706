// KioskApp: to be written.
