namespace SocialPrescribing.CommunityDirectory.Import;

/// <summary>
/// One record an import left out, and why: its place in what was sent (<paramref name="Index"/>, from 0), its id
/// when it had a readable one, the field at fault as a JSON Pointer into the record (<c>/phones/0/number</c>; the
/// record itself is <c>""</c>), and the reason in words.
/// </summary>
public sealed record DirectoryRejection(int Index, string? Id, string Field, string Reason);
