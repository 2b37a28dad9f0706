// TerminalTesting: to be written.
