#include "reference/model_api.hpp"

#include "api/vocabulary.hpp"

#include <bit>

namespace fmconf {

ModelConfig sanitized(const ModelConfig& config) {
  ModelConfig out = config;
  const bool page_ok = std::has_single_bit(config.page_size) && config.page_size >= 512;
  const bool granularity_ok = std::has_single_bit(config.allocation_granularity) &&
                              config.allocation_granularity >= config.page_size &&
                              config.allocation_granularity <= (1u << 30);
  if (!page_ok || !granularity_ok) {
    out.page_size = 4096;
    out.allocation_granularity = 65536;
  }
  return out;
}

ModelApi::ModelApi(const ModelConfig& config) : config_(sanitized(config)) {}

Environment ModelApi::environment() {
  return Environment{"model", "fmconf-model-1", config_.page_size, config_.allocation_granularity};
}

void ModelApi::begin_case() {
  close_everything();
  files_.clear();  // a fresh, empty case folder
  inferred_used_.clear();
}

void ModelApi::end_case() { close_everything(); }

std::vector<std::string_view> ModelApi::inferred_used() const {
  return {inferred_used_.begin(), inferred_used_.end()};
}

Handle ModelApi::finish_create(const Result<Opened>& result) {
  if (!result.ok()) {
    last_error_ = result.error();
    return kNullHandle;
  }
  last_error_ = result.value().existed ? error::kAlreadyExists : error::kSuccess;
  return result.value().handle;
}

Handle ModelApi::finish_handle(const Result<Handle>& result) {
  if (!result.ok()) {
    last_error_ = result.error();
    return kNullHandle;
  }
  return result.value();
}

bool ModelApi::finish_status(const Status& status) {
  if (!status.ok()) last_error_ = status.error();
  return status.ok();
}

}  // namespace fmconf
