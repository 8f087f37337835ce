namespace Sparkify.Pipeline.CommandLine;

/// What an option's value looks like: a flag is true when given bare (--recreate) and accepts =true/false.
public enum OptionType { Flag, Text, Number, Path, List, Date }
