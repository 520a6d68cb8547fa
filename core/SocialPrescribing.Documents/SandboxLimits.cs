namespace SocialPrescribing.Documents;

/// <summary>How far one render may go: loop iterations, nested calls and output characters.</summary>
internal readonly record struct SandboxLimits(int LoopLimit, int RecursiveLimit, int OutputLimit);
