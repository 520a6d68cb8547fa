namespace SocialPrescribing.Documents;

/// <summary>Who referred the person.</summary>
/// <param name="Name">The referrer's name.</param>
/// <param name="Organization">The clinic, practice or agency they referred from.</param>
public sealed record DocumentReferrer(string Name, string Organization);
