namespace StatsReporting.FileSystem;

/// A file a step wrote: what it is, for people ("KF-arbetsbok SoL"), and where it is.
public sealed record WrittenFile(string Kind, string Path);
