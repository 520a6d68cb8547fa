namespace SocialPrescribing.Documents;

/// <summary>The person the journey is for, reduced to what a document needs to address or identify them.</summary>
/// <param name="GivenName">The given name, for addressing the person.</param>
/// <param name="ShortName">Given name and family initial (<c>Marie T.</c>), for documents that need no more.</param>
/// <param name="FullName">Given and family name: with <paramref name="BirthDate"/>, the two identifiers clinical correspondence requires.</param>
/// <param name="BirthDate">The birth date in words, in the document's language.</param>
public sealed record DocumentClient(string GivenName, string ShortName, string FullName, string BirthDate);
