#include "transform/mapping_folder.h"

#include <algorithm>

#include "core/ascii.h"
#include "core/text_file.h"
#include "core/within_folder.h"

namespace handover::transform {

namespace fs = std::filesystem;

core::Result<std::vector<MappingSource>> ReadMappingFolder(const fs::path& dir, FolderPart part) {
  std::error_code ec;
  if (!fs::exists(dir, ec))
    return core::Status::Error(core::ErrorCode::kNotFound, "the mappings folder " + dir.string() +
                                                               " does not exist; point --mappings at a folder of *.map files");
  if (!fs::is_directory(dir, ec))
    return core::Status::Error(core::ErrorCode::kConfig, "--mappings " + dir.string() +
                                                             " is a file, not a folder; point it at the folder that holds the *.map files");
  std::vector<fs::path> paths;
  size_t map_files = 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string ext = core::AsciiLower(it->path().extension().string());
    const bool measure = ext == ".measure";
    if (ext != ".map" && ext != ".csv" && !(measure && part == FolderPart::kWithMeasures)) continue;
    if (!it->is_regular_file(ec)) continue;
    if (!core::IsWithinFolder(dir, it->path()))
      return core::Status::Error(core::ErrorCode::kConfig,
                                 it->path().string() + " is a link to a file outside the mappings folder " +
                                     dir.string() + "; copy the file into the folder instead of linking it");
    paths.push_back(it->path());
    if (ext == ".map") ++map_files;
  }
  if (ec)
    return core::Status::Error(core::ErrorCode::kIo, "cannot list the mappings folder " + dir.string() + ": " + ec.message());
  if (map_files == 0)
    return core::Status::Error(core::ErrorCode::kConfig,
                               "the mappings folder " + dir.string() +
                                   " holds no mapping files (*.map), so nothing would be migrated; "
                                   "point --mappings at a mapping set such as mappings/leaving-care");
  std::sort(paths.begin(), paths.end());
  std::vector<MappingSource> files;
  for (const fs::path& p : paths) {
    auto text = core::ReadTextFile(p);
    if (!text.ok())
      return core::Status::Error(core::ErrorCode::kIo, "cannot read the mapping file " + p.string() +
                                                           "; check that it is readable");
    files.push_back({p.lexically_normal().string(), std::move(*text)});
  }
  return files;
}

}  // namespace handover::transform
