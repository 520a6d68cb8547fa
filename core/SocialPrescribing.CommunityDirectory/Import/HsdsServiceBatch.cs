using System.Text.Json;

namespace SocialPrescribing.CommunityDirectory.Import;

/// <summary>
/// What an HSDS service import held: the services that are valid HSDS 3 (each a copy of its whole document, nested
/// objects included) and every record left out with the field and the reason.
/// </summary>
public sealed record HsdsServiceBatch(int Received, IReadOnlyList<HsdsService> Services, IReadOnlyList<DirectoryRejection> Rejections);

/// <summary>A valid HSDS 3 service document and its id.</summary>
public sealed record HsdsService(Guid Id, JsonElement Document);
