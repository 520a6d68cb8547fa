namespace SocialPrescribing.Documents;

/// <summary>The person the journey is for, reduced to what a document needs to address or identify them.</summary>
/// <param name="GivenName">The given name, for addressing the person.</param>
/// <param name="ShortName">Given name and family initial (<c>Marie T.</c>): enough for a referrer to recognise the person.</param>
public sealed record DocumentClient(string GivenName, string ShortName);
