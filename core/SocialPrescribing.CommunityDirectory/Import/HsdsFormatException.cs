namespace SocialPrescribing.CommunityDirectory.Import;

/// <summary>What was sent is not an HSDS import at all (as opposed to records in it that are not valid).</summary>
public sealed class HsdsFormatException(string message) : Exception(message);
