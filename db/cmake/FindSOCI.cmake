# Finds SOCI on systems (such as Debian 12) that ship neither a CMake config nor a
# pkg-config file. Defines imported targets named like upstream's:
#   SOCI::soci_core, SOCI::soci_sqlite3, SOCI::soci_postgresql, SOCI::soci_odbc,
#   SOCI::soci_mysql
# each backend linking its own client library (MySQL: MariaDB Connector/C).
include(FindPackageHandleStandardArgs)

find_path(SOCI_INCLUDE_DIR soci/soci.h)
find_library(SOCI_CORE_LIBRARY NAMES soci_core)
find_library(SOCI_SQLITE3_LIBRARY NAMES soci_sqlite3)
find_library(SOCI_POSTGRESQL_LIBRARY NAMES soci_postgresql)
find_library(SOCI_ODBC_LIBRARY NAMES soci_odbc)
find_library(SOCI_MYSQL_LIBRARY NAMES soci_mysql)
find_path(MariaDB_INCLUDE_DIR mysql.h PATH_SUFFIXES mariadb mysql)
find_library(MariaDB_LIBRARY NAMES mariadb mysqlclient)

find_package(SQLite3 QUIET)
find_package(PostgreSQL QUIET)
find_package(ODBC QUIET)

find_package_handle_standard_args(SOCI
  REQUIRED_VARS SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY
                SOCI_POSTGRESQL_LIBRARY SOCI_ODBC_LIBRARY SOCI_MYSQL_LIBRARY
                MariaDB_INCLUDE_DIR MariaDB_LIBRARY
                SQLite3_FOUND PostgreSQL_FOUND ODBC_FOUND
  REASON_FAILURE_MESSAGE
    "install libsoci-dev libsqlite3-dev libpq-dev unixodbc-dev libmariadb-dev (scripts/install-deps does it)")

if(SOCI_FOUND AND NOT TARGET SOCI::soci_core)
  add_library(SOCI::soci_core UNKNOWN IMPORTED)
  set_target_properties(SOCI::soci_core PROPERTIES
    IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${CMAKE_DL_LIBS}")

  function(_soci_backend name lib client)
    add_library(SOCI::soci_${name} UNKNOWN IMPORTED)
    set_target_properties(SOCI::soci_${name} PROPERTIES
      IMPORTED_LOCATION "${lib}"
      INTERFACE_LINK_LIBRARIES "SOCI::soci_core;${client}")
  endfunction()
  _soci_backend(sqlite3 "${SOCI_SQLITE3_LIBRARY}" SQLite::SQLite3)
  _soci_backend(postgresql "${SOCI_POSTGRESQL_LIBRARY}" PostgreSQL::PostgreSQL)
  _soci_backend(odbc "${SOCI_ODBC_LIBRARY}" ODBC::ODBC)
  _soci_backend(mysql "${SOCI_MYSQL_LIBRARY}" "${MariaDB_LIBRARY}")
  set_property(TARGET SOCI::soci_mysql PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${MariaDB_INCLUDE_DIR}")
endif()
mark_as_advanced(SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY
                 SOCI_POSTGRESQL_LIBRARY SOCI_ODBC_LIBRARY SOCI_MYSQL_LIBRARY
                 MariaDB_INCLUDE_DIR MariaDB_LIBRARY)
