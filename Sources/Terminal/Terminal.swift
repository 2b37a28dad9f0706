// Terminal: to be written.
