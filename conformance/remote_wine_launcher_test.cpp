// Which Wine runs: a fake launcher script that prints `wine-9.0` stands for a Wine build, its
// wineserver is found beside it (or in a build tree's server/), a missing one is named, and
// each version gets its own prefix (FMCONF_WINEPREFIX overrides).
#include "remote/wine_launcher.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <unistd.h>

#include <gtest/gtest.h>

extern char** environ;

namespace fmconf::remote {
namespace {

namespace fs = std::filesystem;

void write_script(const fs::path& path, const std::string& body) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
  fs::permissions(path, fs::perms::owner_all);
}

// Sets an environment variable for one scope, then restores it.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

class WineLauncherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("fmconf-launcher-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    for (char** entry = environ; *entry != nullptr; ++entry) environment_.emplace_back(*entry);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::optional<WineLauncher> locate(const WineChoice& choice, std::string* why) {
    // No FMCONF_WINE/FMCONF_WINESERVER from the caller's shell.
    const ScopedEnv wine("FMCONF_WINE", "");
    const ScopedEnv server("FMCONF_WINESERVER", "");
    return locate_wine_launcher(choice, environment_, why);
  }

  fs::path dir_;
  std::vector<std::string> environment_;
};

TEST(WineVersion, ParsesTheFirstWordOfWineVersion) {
  EXPECT_EQ(parse_wine_version("wine-8.0 (Debian 8.0~repack-4)"), "wine-8.0");
  EXPECT_EQ(parse_wine_version("wine-9.0-123-gabcdef"), "wine-9.0-123-gabcdef");
  EXPECT_EQ(parse_wine_version("wine-9.0\n"), "wine-9.0");
  EXPECT_EQ(parse_wine_version("Wine 9.0"), std::nullopt);
  EXPECT_EQ(parse_wine_version("wine-staging"), std::nullopt);
  EXPECT_EQ(parse_wine_version(""), std::nullopt);
}

TEST_F(WineLauncherTest, FakeLauncherVersionAndWineserverBesideIt) {
  write_script(dir_ / "bin" / "wine", "echo 'wine-9.0'");
  write_script(dir_ / "bin" / "wineserver", "exit 0");
  std::string why;
  const auto launcher = locate({(dir_ / "bin" / "wine").string(), ""}, &why);
  ASSERT_TRUE(launcher) << why;
  EXPECT_EQ(launcher->version, "wine-9.0");
  EXPECT_EQ(launcher->version_line, "wine-9.0");
  EXPECT_EQ(launcher->wine, (dir_ / "bin" / "wine").string());
  EXPECT_EQ(launcher->wineserver, (dir_ / "bin" / "wineserver").string());
}

TEST_F(WineLauncherTest, BuildTreeGivenAsItsFolder) {
  write_script(dir_ / "tree" / "wine", "echo 'wine-9.0-42-gdeadbee (build tree)'");
  write_script(dir_ / "tree" / "server" / "wineserver", "exit 0");
  std::string why;
  const auto launcher = locate({(dir_ / "tree").string(), ""}, &why);
  ASSERT_TRUE(launcher) << why;
  EXPECT_EQ(launcher->version, "wine-9.0-42-gdeadbee");
  EXPECT_EQ(launcher->version_line, "wine-9.0-42-gdeadbee (build tree)");
  EXPECT_EQ(launcher->wineserver, (dir_ / "tree" / "server" / "wineserver").string());
}

TEST_F(WineLauncherTest, MissingWineserverIsNamedAndCanBeGiven) {
  write_script(dir_ / "alone" / "wine", "echo 'wine-9.0'");
  std::string why;
  EXPECT_FALSE(locate({(dir_ / "alone" / "wine").string(), ""}, &why));
  EXPECT_NE(why.find("no wineserver for"), std::string::npos) << why;
  EXPECT_NE(why.find("--wineserver"), std::string::npos) << why;
  write_script(dir_ / "elsewhere" / "wineserver", "exit 0");
  const auto launcher = locate(
      {(dir_ / "alone" / "wine").string(), (dir_ / "elsewhere" / "wineserver").string()}, &why);
  ASSERT_TRUE(launcher) << why;
  EXPECT_EQ(launcher->wineserver, (dir_ / "elsewhere" / "wineserver").string());
}

TEST_F(WineLauncherTest, EnvironmentVariableNamesTheLauncher) {
  write_script(dir_ / "env" / "wine", "echo 'wine-9.0'");
  write_script(dir_ / "env" / "wineserver", "exit 0");
  const ScopedEnv wine("FMCONF_WINE", (dir_ / "env" / "wine").string());
  std::string why;
  const auto launcher = locate_wine_launcher({}, environment_, &why);
  ASSERT_TRUE(launcher) << why;
  EXPECT_EQ(launcher->version, "wine-9.0");
}

TEST_F(WineLauncherTest, NotAWineOrNotThereIsAClearError) {
  write_script(dir_ / "liar" / "wine", "echo 'hello'");
  write_script(dir_ / "liar" / "wineserver", "exit 0");
  std::string why;
  EXPECT_FALSE(locate({(dir_ / "liar" / "wine").string(), ""}, &why));
  EXPECT_NE(why.find("not a Wine version"), std::string::npos) << why;
  EXPECT_FALSE(locate({(dir_ / "nothing" / "wine").string(), ""}, &why));
  EXPECT_NE(why.find("--wine"), std::string::npos) << why;
  EXPECT_NE(why.find("not an executable file"), std::string::npos) << why;
}

TEST(WinePrefix, OnePerVersionUnlessOverridden) {
  const ScopedEnv none("FMCONF_WINEPREFIX", "");
  const ScopedEnv root("FMCONF_WINEPREFIX_ROOT", "/some/root");
  EXPECT_EQ(prefix_for_version("wine-9.0"), fs::path("/some/root/wine-9.0"));
  EXPECT_EQ(prefix_for_version("wine-8.0"), fs::path("/some/root/wine-8.0"));
  EXPECT_EQ(prefix_for_version("wine-9.0/../x"), fs::path("/some/root/wine-9.0_.._x"));
  const ScopedEnv fixed("FMCONF_WINEPREFIX", "/explicit/prefix");
  EXPECT_EQ(prefix_for_version("wine-9.0"), fs::path("/explicit/prefix"));
}

}  // namespace
}  // namespace fmconf::remote
