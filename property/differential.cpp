#include "property/differential.hpp"

#include "cases/case_file.hpp"
#include "cases/runner.hpp"

#include <set>

namespace fmconf::property {

namespace {

constexpr Observable kCompared[] = {Observable::ok,
                                    Observable::error,
                                    Observable::size,
                                    Observable::protect,
                                    Observable::allocation_protect,
                                    Observable::state,
                                    Observable::region_size,
                                    Observable::attributes,
                                    Observable::section_size,
                                    Observable::data,
                                    Observable::fault};

// The handle/view names a step refers to.
std::vector<std::string> references(const Json& step) {
  std::vector<std::string> out;
  for (const char* key : {"handle", "file", "mapping", "view"}) {
    if (step.contains(key) && step[key].is_string()) out.push_back(step[key].get<std::string>());
  }
  return out;
}

bool both_free(const DualRun& run, std::size_t step) {
  return observed_value(run.model.steps[step], Observable::state) == "MEM_FREE" &&
         observed_value(run.target.steps[step], Observable::state) == "MEM_FREE";
}

}  // namespace

std::string StepDifference::text() const {
  return "step " + std::to_string(step) + " " + field + ": model " + model.dump() + ", target " +
         wine.dump() + (rule ? " (known: " + std::string(rule->spec) + ")" : "");
}

std::string DualRun::describe() const {
  std::string out = error;
  for (const auto& f : failures) out += (out.empty() ? "" : "\n") + f.text();
  return out;
}

DualRun run_both(const Json& built, Api& model, Api& target, const std::string& name_prefix) {
  DualRun run;
  // As read from a file: JSON built in C++ holds signed integers, which the case parser rejects.
  const Json program = Json::parse(built.dump());
  ParsedCase parsed = parse_case(program, CaseOrigin{"generated.json", 0, std::nullopt});
  if (!parsed.value) {
    run.error = "invalid generated program: " + parsed.error->text();
    return run;
  }
  const RunOptions options{name_prefix};
  run.model = run_case(*parsed.value, model, options);
  run.target = run_case(*parsed.value, target, options);
  if (run.model.verdict == Verdict::error || run.target.verdict == Verdict::error) {
    run.error =
        "could not run: model '" + run.model.message + "', target '" + run.target.message + "'";
    return run;
  }
  const Json& steps = program["steps"];
  std::set<std::string> tainted_handles, tainted_names, tainted_paths;
  // Views whose MapViewOfFile failed on both: later steps use address 0, which is not a view;
  // what VirtualQuery says about address 0 (inferred:address-space) is not compared.
  std::set<std::string> null_views;
  // Handle values are recycled: Windows and Wine give a closed handle's value to a later handle,
  // the model never does (inferred:handle-values). A register closed on both sides and used after
  // the target made another handle may name that handle there: such a step is not compared.
  std::set<std::string> closed, maybe_recycled;
  for (std::size_t i = 0; i < steps.size() && i < run.model.steps.size(); ++i) {
    const Json& step = steps[i];
    bool tainted = step.contains("name") && step["name"].is_string() &&
                   tainted_names.count(step["name"].get<std::string>());
    for (const auto& ref : references(step)) {
      if (maybe_recycled.count(ref)) {
        tainted = true;
        run.recycled.push_back(i);
        break;
      }
    }
    if (step.contains("path") && tainted_paths.count(step["path"].get<std::string>())) {
      tainted = true;
    }
    for (const auto& ref : references(step)) {
      tainted = tainted || tainted_handles.count(ref);
      // Another handle to a tainted file (e.g. the size a tolerated mapping grew it to).
      if (const auto path = path_of(program, ref, i))
        tainted = tainted || tainted_paths.count(*path);
    }
    bool tolerated_here = false;
    if (!tainted) {
      const bool null_view =
          step.contains("view") && null_views.count(step["view"].get<std::string>());
      for (const Observable field : kCompared) {
        if (null_view && field != Observable::ok && field != Observable::error &&
            field != Observable::fault) {
          continue;
        }
        const Json a = observed_value(run.model.steps[i], field);
        const Json b = observed_value(run.target.steps[i], field);
        if (a == b) continue;
        // The size of a free region is the host's address-space layout (inferred:address-space),
        // not something Windows and the model can agree on.
        if (field == Observable::region_size && both_free(run, i)) continue;
        StepDifference d{i, std::string(observable_name(field)), a, b, nullptr};
        d.rule = find_known_divergence(Divergence{&program, i, d.field, a, b});
        if (d.rule) {
          tolerated_here = true;
          run.tolerated.push_back(d);
        } else {
          run.failures.push_back(d);
        }
      }
    }
    const std::string call = step.value("call", "");
    if (call.starts_with("MapViewOfFile") && !run.model.steps[i].ok && !run.target.steps[i].ok) {
      null_views.insert(step.value("out", ""));
    }
    if (call == "CloseHandle" && run.model.steps[i].ok && run.target.steps[i].ok) {
      closed.insert(step.value("handle", ""));
    }
    if ((call.starts_with("Create") || call.starts_with("Open") || call == "DuplicateHandle") &&
        run.target.steps[i].ok) {
      maybe_recycled.insert(closed.begin(), closed.end());
    }
    if (tainted || tolerated_here) {
      if (step.contains("out")) tainted_handles.insert(step["out"].get<std::string>());
      // A file opened on one side only: everything later done to that path is a consequence.
      if (step.contains("path") && step["path"].is_string()) {
        tainted_paths.insert(step["path"].get<std::string>());
      }
      if (step.contains("name") && step["name"].is_string()) {
        tainted_names.insert(step["name"].get<std::string>());
      }
      for (const auto& ref : references(step)) {
        tainted_handles.insert(ref);
        // The file behind a tainted handle: its path is tainted too.
        if (const auto path = path_of(program, ref, i)) tainted_paths.insert(*path);
      }
    }
  }
  return run;
}

Json with_model_expectations(const Json& program, const CaseResult& model) {
  Json out = program;
  for (std::size_t i = 0; i < out["steps"].size() && i < model.steps.size(); ++i) {
    Json expect = Json::object();
    for (const Observable field : kCompared) {
      const Json v = observed_value(model.steps[i], field);
      if (!v.is_null()) expect[std::string(observable_name(field))] = v;
    }
    out["steps"][i]["expect"] = expect;
  }
  return out;
}

}  // namespace fmconf::property
