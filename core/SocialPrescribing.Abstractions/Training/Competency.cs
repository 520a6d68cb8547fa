namespace SocialPrescribing.Abstractions.Training;

/// <summary>One competency of the framework, in its domain.</summary>
/// <param name="Id">The stable id, for example <c>motivational-interviewing</c>.</param>
/// <param name="Domain">The domain the competency belongs to.</param>
/// <param name="Title">The name shown to people.</param>
public sealed record Competency(string Id, CompetencyDomain Domain, string Title);
