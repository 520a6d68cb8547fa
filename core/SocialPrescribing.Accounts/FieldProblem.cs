namespace SocialPrescribing.Accounts;

/// <summary>What is wrong with one input of an account operation: the field (userName, displayName, roles) and why.</summary>
public sealed record FieldProblem(string Field, string Message);
