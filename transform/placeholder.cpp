// replaced by the mapping language
