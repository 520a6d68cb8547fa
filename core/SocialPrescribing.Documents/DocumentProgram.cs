namespace SocialPrescribing.Documents;

/// <summary>The social prescribing program (the tenant) a document comes from.</summary>
/// <param name="Name">The program's name as shown on documents.</param>
/// <param name="ContactPoint">A phone number or address to reach the program at, when the tenant has one.</param>
public sealed record DocumentProgram(string Name, string? ContactPoint);
