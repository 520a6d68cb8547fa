namespace SocialPrescribing.Documents;

/// <summary>A planned follow-up contact.</summary>
/// <param name="DueOn">The day it is due, with its weekday, like <c>Tuesday, March 18, 2025</c>.</param>
public sealed record DocumentFollowUp(string DueOn);
