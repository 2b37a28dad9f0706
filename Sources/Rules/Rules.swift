// Rules: to be written.
